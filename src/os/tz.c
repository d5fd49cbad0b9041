/* tz.c - a time zone's offset from UTC, read from the system's time zone
 * database (TZif files under /usr/share/zoneinfo, RFC 8536) without
 * touching the process's TZ: the central node reads a gateway's local
 * times while other threads format their own (issue 19 review, point
 * 4: mobile-money networks send TransTime in their local time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/err.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

#define TZ_DIR "/usr/share/zoneinfo/"
#define TZ_MAX_FILE (1 << 20)

/* A TZif file's 64-bit data block (version 2 and later), as read. */
struct tzif {
	int64_t *at;         /* transition times, Unix seconds */
	unsigned char *type; /* the local time type from each on */
	int32_t *utoff;      /* each type's offset, seconds east of UTC */
	uint32_t ntimes, ntypes;
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* The block of buf (n bytes) beginning at header h: its counts, and the
 * byte size of its data with times of tsize bytes; 0 if it does not fit. */
static size_t
block_size(const unsigned char *h, size_t left, int tsize, uint32_t c[6])
{
	size_t size;
	int i;

	if (left < 44 || memcmp(h, "TZif", 4) != 0)
		return 0;
	for (i = 0; i < 6; i++) {
		c[i] = be32(h + 20 + 4 * i);
		if (c[i] > 100000)
			return 0;
	}
	/* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
	size = 44 + (size_t)c[3] * (size_t)(tsize + 1) + (size_t)c[4] * 6 +
	       c[5] + (size_t)c[2] * (size_t)(tsize + 4) + c[1] + c[0];
	return c[4] == 0 || size > left ? 0 : size;
}

/* Decode buf (n bytes) into z: 0, or -1 when it is not a TZif file of
 * version 2 or later. */
static int
tzif_decode(const unsigned char *buf, size_t n, struct tzif *z)
{
	uint32_t c[6], i;
	size_t v1 = block_size(buf, n, 4, c), off;
	const unsigned char *h, *p;

	if (v1 == 0 || buf[4] < '2')
		return -1;
	h = buf + v1;
	if (block_size(h, n - v1, 8, c) == 0)
		return -1;
	z->ntimes = c[3];
	z->ntypes = c[4];
	z->at = xcalloc(z->ntimes + 1, sizeof *z->at);
	z->type = xcalloc(z->ntimes + 1, 1);
	z->utoff = xcalloc(z->ntypes, sizeof *z->utoff);
	p = h + 44;
	for (i = 0; i < z->ntimes; i++, p += 8)
		z->at[i] = (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
	for (i = 0; i < z->ntimes; i++, p++) {
		if (*p >= z->ntypes)
			return -1;
		z->type[i] = *p;
	}
	for (i = 0, off = 0; i < z->ntypes; i++, off += 6)
		z->utoff[i] = (int32_t)be32(p + off);
	return 0;
}

/* The offset in effect at Unix time t. */
static int32_t
tzif_offset(const struct tzif *z, int64_t t)
{
	uint32_t lo = 0, hi = z->ntimes;

	/* the last transition at or before t: type 0 before the first */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (z->at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? z->utoff[0] : z->utoff[z->type[lo - 1]];
}

/* "+HH:MM", "-HH:MM", "+HH", "UTC", "Z": the offset in seconds; 0 when
 * it is none of those. */
static int
fixed_offset(const char *s, int32_t *off)
{
	int h = 0, m = 0, k = 0;
	char sign, rest;

	if (strcmp(s, "UTC") == 0 || strcmp(s, "Z") == 0) {
		*off = 0;
		return 1;
	}
	sign = s[0];
	if (sign != '+' && sign != '-')
		return 0;
	if (sscanf(s + 1, "%2d:%2d%n%c", &h, &m, &k, &rest) == 2 &&
	    s[1 + k] == '\0' && strlen(s) == 6)
		;
	else if (sscanf(s + 1, "%2d%n%c", &h, &k, &rest) == 1 &&
	         s[1 + k] == '\0' && strlen(s) == 3)
		m = 0;
	else
		return 0;
	if (h > 14 || m > 59 || h * 60 + m > 14 * 60)
		return 0;
	*off = (int32_t)((sign == '-' ? -1 : 1) * (h * 3600 + m * 60));
	return 1;
}

/* Whether name can be a file under the database: letters, digits, _ +
 * - and / between parts, no part starting with '.'. */
static int
name_ok(const char *name)
{
	const char *p;

	if (name[0] == '\0' || name[0] == '/' || strlen(name) > 64)
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (*p >= '0' && *p <= '9') || strchr("_+-/", *p)))
			return 0;
		if (*p == '/' && (p[1] == '/' || p[1] == '\0'))
			return 0;
	}
	return 1;
}

int
os_tz_local_to_utc(
    const char *zone, int64_t local, int64_t *utc, struct pd_err *err)
{
	struct tzif z = {0};
	char path[160];
	unsigned char *buf;
	size_t n;
	FILE *f;
	int32_t off;
	int rc = -1;

	if (fixed_offset(zone, &off)) {
		*utc = local - off;
		return 0;
	}
	if (!name_ok(zone))
		return pd_fail(err, PD_EINVAL,
		    "Time zone \"%s\": an IANA name (Africa/Nairobi) or an "
		    "offset (+03:00) expected",
		    zone);
	snprintf(path, sizeof path, TZ_DIR "%s", zone);
	f = fopen(path, "rb");
	if (f == NULL)
		return pd_fail(err, PD_EINVAL,
		    "Time zone \"%s\": not in the time zone database (%s)",
		    zone, TZ_DIR);
	buf = xmalloc(TZ_MAX_FILE);
	n = fread(buf, 1, TZ_MAX_FILE, f);
	fclose(f);
	if (tzif_decode(buf, n, &z) != 0)
		pd_fail(err, PD_EINVAL,
		    "Time zone \"%s\": %s%s is not a time zone file", zone,
		    TZ_DIR, zone);
	else {
		/* the offset at the local time read as UTC, then at the
		 * UTC time that gives: right but for the hour a clock
		 * change skips or repeats */
		off = tzif_offset(&z, local);
		*utc = local - tzif_offset(&z, local - off);
		rc = 0;
	}
	free(buf);
	free(z.at);
	free(z.type);
	free(z.utoff);
	return rc;
}
