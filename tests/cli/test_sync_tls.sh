# test_sync_tls.sh - sync over https end to end: paydesk-central serves
# TLS with a certificate from a private CA made here, a terminal that
# trusts that CA ([sync] ca_file) syncs, and every other case is refused
# with a reason and leaves the terminal's queue as it was: no CA file, the
# wrong CA, a certificate for another name, plain http to a TLS port.
# paydesk-central's own TLS settings are checked before it listens.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234

# -- a private CA, a certificate for 127.0.0.1 signed by it, and another
#    CA that signed nothing of ours
P="$T/pki"
mkdir -p "$P"
mkca() { # mkca NAME: a self-signed CA in $P/NAME.{key,pem}
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" \
	    -keyout "$P/$1.key" -out "$P/$1.pem" \
	    -addext basicConstraints=critical,CA:TRUE \
	    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}
mkcert() { # mkcert NAME SAN: a server certificate signed by the paydesk CA
	openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" \
	    -keyout "$P/$1.key" -out "$P/$1.csr" 2>/dev/null &&
	printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$2" \
	    >"$P/$1.ext" &&
	openssl x509 -req -in "$P/$1.csr" -CA "$P/ca.pem" -CAkey "$P/ca.key" \
	    -CAcreateserial -days 2 -extfile "$P/$1.ext" -out "$P/$1.pem" \
	    2>/dev/null
}
mkca ca && mkca other && mkcert server IP:127.0.0.1 &&
    mkcert elsewhere DNS:central.example.org ||
    { echo "not ok - openssl could not make the test certificates"; exit 1; }

cp "$T/central.ini" "$T/plain.ini"
tls_ini() { # tls_ini CERT KEY: central.ini serving with them
	{ cat "$T/plain.ini"; echo "tls_cert = $1"; echo "tls_key = $2"; } \
	    >"$T/central.ini"
}

# -- paydesk-central refuses bad TLS settings before it listens
setup_org || { echo "not ok - setup"; exit 1; }
{ cat "$T/plain.ini"; echo "tls_cert = $P/server.pem"; } >"$T/central.ini"
expect "a certificate without its key is refused" 3 \
    "tls_cert and tls_key go together: tls_cert is set, tls_key is empty" \
    central serve
tls_ini "$P/missing.pem" "$P/server.key"
expect "a certificate file that is not there is named" 3 \
    "tls_cert: cannot read $P/missing.pem" central serve
tls_ini "$P/server.key" "$P/server.key"
expect "a key given as the certificate is refused" 3 \
    "tls_cert: $P/server.key is not a PEM file with a CERTIFICATE" \
    central serve
tls_ini "$P/server.pem" "$P/server.pem"
expect "a certificate given as the key is refused" 3 \
    "tls_key: $P/server.pem is not a PEM file with a PRIVATE KEY" \
    central serve
tls_ini "$P/server.pem" "$P/other.key"
expect "a key that does not belong to the certificate is refused" 3 \
    "[central] tls_cert, tls_key: GnuTLS failed to setup x509 certificate/key" \
    central serve

# -- served over https
tls_ini "$P/server.pem" "$P/server.key"
URL="https://127.0.0.1:$PORT"
CACERT="$P/ca.pem"
start_central || exit 1
has_file() { grep -q "$2" "$3" && ok "$1" || { echo "not ok - $1"; cat "$3"; }; }
has_file "the log says it serves https" \
    "listening on https://127.0.0.1:$PORT" "$T/central.log"
same "plain http to the TLS port gets no answer" \
    "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/health")" 000

terminal 1 "$TOK1" "ca_file=$P/ca.pem"
expect "a terminal that trusts the CA pulls over https" 0 "Pulled" pdt 1 sync
same "the reference data arrived" "$(tsql 1 'SELECT count(*) FROM consumers')" \
    "$(csql 'SELECT count(*) FROM consumers')"
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 10 >/dev/null
expect "the payment goes up over https" 0 "Applied     1" pdt 1 sync
ledger_ok "the central node holds it once"

# -- refused: the queue stays as it was, with the reason
pdt 1 --user jane pay WU-10002 --type bill --method Cash --amount 5 >/dev/null
queued() { tsql 1 "SELECT count(*) FROM outbox WHERE sent_at IS NULL"; }
before=$(queued)
terminal 1 "$TOK1"
expect "without a CA file the private CA is not trusted" 10 \
    "certificate is not trusted" pdt 1 sync
has "and the message says which setting fixes it" "[sync] ca_file"
same "the payment stays queued" "$(queued)" "$before"
terminal 1 "$TOK1" "ca_file=$P/other.pem"
expect "another CA does not vouch for the central node" 10 \
    "certificate is not trusted" pdt 1 sync
same "still queued" "$(queued)" "$before"
terminal 1 "$TOK1" "ca_file=$P/nothing-here.pem"
expect "a CA file that is not there is refused" 10 "nothing-here.pem" \
    pdt 1 sync
terminal 1 "$TOK1" "ca_file=$P/ca.pem" "url=http://127.0.0.1:$PORT"
expect "http:// to the TLS port fails and keeps the records" 10 \
    "the records stay queued" pdt 1 sync
same "still queued after http" "$(queued)" "$before"
grep -c ' /v1/push ' "$T/central.log" >"$T/pushes"

# -- a certificate for another name, from the trusted CA
stop_central
tls_ini "$P/elsewhere.pem" "$P/elsewhere.key"
CACERT=
start_central_insecure() {
	"$CENTRAL" --config "$T/central.ini" 2>>"$T/central.err" &
	CPID=$!
	i=0
	while ! curl -skf "$URL/v1/health" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "central did not start"; return 1; }
		sleep 0.05
	done
}
start_central_insecure || exit 1
terminal 1 "$TOK1" "ca_file=$P/ca.pem"
expect "a certificate for another host name is refused" 10 \
    "certificate is not trusted" pdt 1 sync
same "and nothing reached the central node" \
    "$(grep -c ' /v1/push ' "$T/central.log")" "$(cat "$T/pushes")"
same "still queued with the wrong name" "$(queued)" "$before"

# -- back with the right certificate, the queue drains
stop_central
tls_ini "$P/server.pem" "$P/server.key"
CACERT="$P/ca.pem"
start_central || exit 1
expect "with the right certificate it drains" 0 "Applied     1" pdt 1 sync
same "nothing left queued" "$(queued)" 0
ledger_ok "every payment once after the refusals"
