/* pin.c - the PINs a guesser tries first (pin.h; issue 18, section 5).
 *
 * TO ADD A NEW KIND: a value in enum pin_weak (pin.h), a test function
 * and a row in kinds[] below, its message in src/service/auth.c
 * (weak_msgs[]), the list in pin.h and paydesk.ini(5) (weak_pins), and a
 * case in tests/unit/test_core.c and tests/cli/test_signin.sh.
 */
#include <stdlib.h>
#include <string.h>

#include "paydesk/pin.h"

/* The most common PINs of surveys not caught by a rule below. */
static const char *const pin_common[] = {
    "1004",
    "4200",
    "159753",
    "147258",
    "147852",
    "789456",
    "123654",
    "456123",
    "258456",
    "741852",
    "963852",
    "121314",
};

static int
repeat(const char *p, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (p[i] != p[0])
			return 0;
	return 1;
}

static int
run(const char *p, size_t n)
{
	size_t i;
	int up = 1, down = 1;

	for (i = 1; i < n; i++) {
		int d = (p[i] - p[i - 1] + 10) % 10;

		up &= d == 1;
		down &= d == 9;
	}
	return up || down;
}

static int
step(const char *p, size_t n)
{
	int d = p[1] - p[0];
	size_t i;

	if (abs(d) < 2)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] - p[i - 1] != d)
			return 0;
	return 1;
}

/* The PIN is its first g digits over and over, at least twice whole
 * (the last time may be cut short: 12121). */
static int
group(const char *p, size_t n)
{
	size_t g, i;

	for (g = 1; g * 2 <= n; g++) {
		for (i = g; i < n && p[i] == p[i - g]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Each digit at least twice in a row: 1122, 111222, 001199. */
static int
doubled(const char *p, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && p[j] == p[i]; j++)
			;
		if (j - i < 2)
			return 0;
		i = j;
	}
	return 1;
}

/* Row and column of digit c on the phone keypad. */
static void
key_at(char c, int *r, int *col)
{
	int d = c - '0';

	if (d == 0) {
		*r = 3;
		*col = 1;
		return;
	}
	*r = (d - 1) / 3;
	*col = (d - 1) % 3;
}

/* Every move the same step to a neighbouring key along one line, or its
 * reverse (back and forth along the line). */
static int
keypad(const char *p, size_t n)
{
	int r0, c0, r1, c1, dr, dc;
	size_t i;

	key_at(p[0], &r0, &c0);
	key_at(p[1], &r1, &c1);
	dr = r1 - r0;
	dc = c1 - c0;
	if ((dr == 0 && dc == 0) || abs(dr) > 1 || abs(dc) > 1)
		return 0;
	for (i = 2; i < n; i++) {
		key_at(p[i - 1], &r0, &c0);
		key_at(p[i], &r1, &c1);
		if (!((r1 - r0 == dr && c1 - c0 == dc) ||
		        (r1 - r0 == -dr && c1 - c0 == -dc)))
			return 0;
	}
	return 1;
}

static int
year(const char *p, size_t n)
{
	return n == 4 && (strncmp(p, "19", 2) == 0 || strncmp(p, "20", 2) == 0);
}

/* All digits but one the same: 0007, 1000, 7077, 900000. */
static int
nearly(const char *p, size_t n)
{
	size_t i, odd = 0;
	char c = p[0] == p[1] || p[0] == p[2] ? p[0] : p[1];

	if (n < 4)
		return 0;
	for (i = 0; i < n; i++)
		odd += p[i] != c;
	return odd == 1;
}

/* The PIN reads the same backwards: a pair mirrored, 1221, 0770, 123321. */
static int
mirror(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++)
		if (p[i] != p[n - 1 - i])
			return 0;
	return 1;
}

/* The keypad's lines taken round and round: the columns with 0 under them
 * (0 is under 8 on a phone and under 1 on a computer's keypad, and both
 * are tried: 1470, 2580, 3690), the rows and the diagonals. */
static const char *const pin_lines[] = {
    "1470", "2580", "3690", "123", "456", "789", "159", "357"};

/* Every digit the next of the one before along one keypad line, taken
 * round (0258, 5802), or every one the one before (0741, 8520). */
static int
line(const char *p, size_t n)
{
	size_t l, i, len;
	const char *a, *b;

	for (l = 0; l < sizeof pin_lines / sizeof pin_lines[0]; l++) {
		int up = 1, down = 1;

		len = strlen(pin_lines[l]);
		for (i = 0; i < n && (up || down); i++) {
			if ((a = strchr(pin_lines[l], p[i])) == NULL)
				break;
			if (i == 0)
				continue;
			b = strchr(pin_lines[l], p[i - 1]);
			up &= (size_t)(a - pin_lines[l]) ==
			      ((size_t)(b - pin_lines[l]) + 1) % len;
			down &= (size_t)(b - pin_lines[l]) ==
			        ((size_t)(a - pin_lines[l]) + 1) % len;
		}
		if (i == n && (up || down))
			return 1;
	}
	return 0;
}

/* The value of the k digits at p. */
static int
num(const char *p, size_t k)
{
	int v = 0;

	while (k-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Whether d/m is a day of the year (29 February too). */
static int
day_month(int d, int m)
{
	static const int days[] = {
	    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

/* A date as people write it: 4 digits DDMM or MMDD; 6 digits DDMMYY,
 * MMDDYY or YYMMDD; 8 digits DDMMYYYY, MMDDYYYY or YYYYMMDD with a year
 * from 1900 to 2099 (birthdays and anniversaries). */
static int
date(const char *p, size_t n)
{
	int y;

	if (n == 4)
		return day_month(num(p, 2), num(p + 2, 2)) ||
		       day_month(num(p + 2, 2), num(p, 2));
	if (n == 6)
		return day_month(num(p, 2), num(p + 2, 2)) ||
		       day_month(num(p + 2, 2), num(p, 2)) ||
		       day_month(num(p + 4, 2), num(p + 2, 2));
	if (n != 8)
		return 0;
	y = num(p + 4, 4);
	if (y >= 1900 && y <= 2099 &&
	    (day_month(num(p, 2), num(p + 2, 2)) ||
	        day_month(num(p + 2, 2), num(p, 2))))
		return 1;
	y = num(p, 4);
	return y >= 1900 && y <= 2099 &&
	       day_month(num(p + 6, 2), num(p + 4, 2));
}

static int
common(const char *p, size_t n)
{
	size_t i;

	(void)n;
	for (i = 0; i < sizeof pin_common / sizeof pin_common[0]; i++)
		if (strcmp(p, pin_common[i]) == 0)
			return 1;
	return 0;
}

static const struct {
	enum pin_weak kind;
	int (*is)(const char *p, size_t n);
} kinds[] = {
    {PIN_REPEAT, repeat},
    {PIN_RUN, run},
    {PIN_STEP, step},
    {PIN_GROUP, group},
    {PIN_DOUBLED, doubled},
    {PIN_KEYPAD, keypad},
    {PIN_YEAR, year},
    {PIN_COMMON, common},
    {PIN_NEARLY, nearly},
    {PIN_MIRROR, mirror},
    {PIN_LINE, line},
    {PIN_DATE, date},
};

enum pin_weak
pin_weakness(const char *pin)
{
	size_t n = strlen(pin), i;

	if (n < 2)
		return PIN_STRONG;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].is(pin, n))
			return kinds[i].kind;
	return PIN_STRONG;
}
