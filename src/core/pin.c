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
