#!/bin/sh
# test_central_pg.sh - test_central.sh on PostgreSQL (issue 22).
PAYDESK_TEST_BACKEND=postgresql . "$TOP/tests/cli/test_central.sh"
