# test_i18n_sync.sh - why a sync failed, in the reader's language (review
# of issue 25): the last error is kept as its message and arguments and
# said again in the language of whoever reads it (`sync --status` in
# Spanish after a French sync), English in JSON, a row stored before as
# it was; and each class of curl failure (the proxy, the central node's
# certificate: unknown CA, expired, another host name; the TLS
# handshake; an HTTP error) says its reason in the operator's language
# before curl's English, against a real paydesk-central on loopback
# serving https with certificates openssl makes here.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234
unset http_proxy https_proxy all_proxy HTTPS_PROXY ALL_PROXY no_proxy NO_PROXY

# says NAME NEEDLE LANG CMD...: CMD fails in LANG (exit 10) saying NEEDLE
says() {
	name=$1 needle=$2 l=$3
	shift 3
	expect "$name ($l)" 10 "$needle" env LANGUAGE=$l "$@"
}
# status NAME LANG NEEDLE NOT: sync --status in LANG says NEEDLE, not NOT
status() {
	run env LANGUAGE=$2 "$PD" --config "$T/t1.ini" sync --status
	if grep -qF -- "$3" "$OUT" && ! grep -qF -- "$4" "$OUT"; then
		ok "$1"
	else
		notok "$1" "wanted: $3; not: $4"
	fi
}

# -- the last error, said again in the reader's language
free=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$free"
terminal 1 none
says "the central node out of reach" "le nœud central est injoignable" fr \
    "$PD" --config "$T/t1.ini" sync
# (a fresh terminal's first request is the organisation's status: its currency)
status "after a French sync, sync --status in Spanish is Spanish" es \
    "Último error           GET $URL/v1/status" "injoignable"
status "... its reason too" es "no se puede conectar con el nodo central (curl: " \
    "le nœud central"
status "... and in English, English" en "the central node cannot be reached (curl: " \
    "injoignable"
run env LANGUAGE=fr "$PD" --config "$T/t1.ini" --json sync --status
same "sync --status --json gives it in English" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["last_error"].split(": ", 1)[1][:34])' "$OUT")" \
    "the central node cannot be reached"
# a row stored before (in the language of its sync) is shown as it is
tsql 1 "UPDATE meta SET value = 'GET x: le nœud central est injoignable'
    WHERE key = 'sync.last_error'"
status "a row stored before the change still shows" es \
    "GET x: le nœud central est injoignable" "no se puede"

# -- the proxy
says "a proxy out of reach" "no se puede conectar con el proxy (curl: " es \
    env http_proxy="http://127.0.0.1:$free" "$PD" --config "$T/t1.ini" sync
says "a proxy out of reach" "le proxy est injoignable (curl : " fr \
    env http_proxy="http://127.0.0.1:$free" "$PD" --config "$T/t1.ini" sync
says "a proxy not bypassed by no_proxy" "le proxy est injoignable" fr \
    env http_proxy="http://127.0.0.1:$free" no_proxy=example.org \
    "$PD" --config "$T/t1.ini" sync
expect "no_proxy naming the host: the node, not the proxy" 10 \
    "le nœud central est injoignable" env LANGUAGE=fr \
    http_proxy="http://127.0.0.1:$free" no_proxy=127.0.0.1 \
    "$PD" --config "$T/t1.ini" sync
says "a proxy whose name is not known" \
    "el nombre de host del proxy es desconocido (curl: " es \
    env http_proxy="http://proxy.invalid:3128" "$PD" --config "$T/t1.ini" sync

# -- TLS: a private CA, certificates signed by it for 127.0.0.1 (one of
#    them expired) and for another name
P="$T/pki"
mkdir -p "$P"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ca" \
    -keyout "$P/ca.key" -out "$P/ca.pem" \
    -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
mkcert() { # mkcert NAME SAN DAYS
	openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" \
	    -keyout "$P/$1.key" -out "$P/$1.csr" 2>/dev/null &&
	printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$2" \
	    >"$P/$1.ext" &&
	openssl x509 -req -in "$P/$1.csr" -CA "$P/ca.pem" -CAkey "$P/ca.key" \
	    -CAcreateserial -days "$3" -extfile "$P/$1.ext" \
	    -out "$P/$1.pem" 2>/dev/null
}
mkcert server IP:127.0.0.1 2 && mkcert old IP:127.0.0.1 -1 &&
    mkcert elsewhere DNS:central.example.org 2 ||
    { echo "not ok - openssl could not make the test certificates"; exit 1; }
cp "$T/central.ini" "$T/plain.ini"
serve_tls() { # serve_tls NAME: paydesk-central with NAME's certificate
	{ cat "$T/plain.ini"; echo "tls_cert = $P/$1.pem"
	  echo "tls_key = $P/$1.key"; } >"$T/central.ini"
	"$CENTRAL" --config "$T/central.ini" 2>>"$T/central.err" &
	CPID=$!
	i=0
	while ! curl -skf "https://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1
	do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "not ok - central serves $1"; return 1; }
		sleep 0.05
	done
}
# https:// to a node serving plain http: no TLS handshake
URL="http://127.0.0.1:$PORT"
start_central || exit 1
URL="https://127.0.0.1:$PORT"
terminal 1 none
says "no TLS handshake" \
    "no se pudo establecer la conexión segura (TLS) con el nodo central (curl: " \
    es "$PD" --config "$T/t1.ini" sync
says "no TLS handshake" \
    "la connexion sécurisée (TLS) au nœud central n'a pas pu être établie (curl : " \
    fr "$PD" --config "$T/t1.ini" sync
stop_central
serve_tls server || exit 1
terminal 1 none
says "a CA the terminal does not know" \
    "lo firmó una CA que este terminal no conoce (curl: " es \
    "$PD" --config "$T/t1.ini" sync
says "a CA the terminal does not know" \
    "a été signé par une AC que ce terminal ne connaît pas (curl : " fr \
    "$PD" --config "$T/t1.ini" sync
terminal 1 none "ca_file=$P/missing.pem"
says "a CA file that cannot be read" \
    "le fichier d'AC de [sync] ca_file est illisible (curl : " fr \
    "$PD" --config "$T/t1.ini" sync
stop_central
serve_tls old || exit 1
terminal 1 none "ca_file=$P/ca.pem"
says "an expired certificate" "el certificado del nodo central ha caducado (curl: " \
    es "$PD" --config "$T/t1.ini" sync
says "an expired certificate" "le certificat du nœud central a expiré (curl : " \
    fr "$PD" --config "$T/t1.ini" sync
stop_central
serve_tls elsewhere || exit 1
says "a certificate for another host name" \
    "se hizo para otro nombre de host (curl: " es \
    "$PD" --config "$T/t1.ini" sync
says "a certificate for another host name" \
    "a été fait pour un autre nom d'hôte (curl : " fr \
    "$PD" --config "$T/t1.ini" sync
status "... and said again in the other language" es \
    "se hizo para otro nombre de host" "nom d'hôte"
stop_central

# -- an HTTP error: the central node's store is broken and it answers
#    503; its own words (English, its API's) stay as it said them
cp "$T/plain.ini" "$T/central.ini"
URL="http://127.0.0.1:$PORT"
setup_org || { echo "not ok - setup_org"; exit 1; }
start_central || exit 1
expect "a sync that works first" 0 "" pdt 1 sync
python3 -c "
import sys
f = open(sys.argv[1], 'r+b'); f.write(b'garbage!' * 512); f.close()" "$CDB"
says "an HTTP error" \
    "el nodo central respondió con un error (HTTP 503: The central node could not apply it now" \
    es "$PD" --config "$T/t1.ini" sync
says "an HTTP error" \
    "le nœud central a répondu par une erreur (HTTP 503 : The central node could not apply it now" \
    fr "$PD" --config "$T/t1.ini" sync
stop_central
