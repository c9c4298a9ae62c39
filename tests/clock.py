"""The fixed clock of the test suite: every test runs on 25/11/2026 from 10:00 in Asia/Ho_Chi_Minh
(tests/conftest.py sets it before collection), so no test depends on the day it is run.

The clock ticks on from that instant (durations, timeouts and ordering by time still work); a
test that needs an exact instant travels there itself with time-machine. Only a browser test
against the live server may use the real clock, marked `real_clock` (the browser keeps real time).
"""

import datetime
import zoneinfo

import time_machine

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
TODAY = NOW.date()


def fixed(moment: datetime.datetime = NOW) -> time_machine.travel:
    return time_machine.travel(moment, tick=True)
