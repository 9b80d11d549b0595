"""The shape of a process-wide setting held while any long work runs (services/progress.py): changed once
by the first work, put back once by the last, also when a work fails; the collector's pause uses it."""

from __future__ import annotations

import gc

import pytest

from desktop_app.services.progress import WhileAnyWorkRuns, collector_paused


def test_nested_works_change_the_setting_once_and_the_last_one_puts_it_back():
    calls = []

    def change():
        calls.append("change")
        return lambda: calls.append("put back")

    while_working = WhileAnyWorkRuns(change)
    with while_working():
        with while_working():
            assert calls == ["change"]
        assert calls == ["change"]
    assert calls == ["change", "put back"]
    with pytest.raises(RuntimeError), while_working():
        raise RuntimeError("the work failed")
    assert calls == ["change", "put back", "change", "put back"]


def test_the_collector_is_paused_while_work_runs_and_left_off_when_it_was_off():
    was_on = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was_on else gc.disable)()
