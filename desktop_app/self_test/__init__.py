"""`main.py --self-test`: how a build proves it works on the machine it runs on.

It fills a throwaway data folder with a small made-up office through the services, opens every tab of
the window offscreen, writes one of every document the program makes and reads each back. The checks
are listed in `checks.py` in the order they run; a new document or feature adds its own there with
`@check("…")`. A failure names what is missing (a module, a font, a file) so a broken build says why.
"""

from __future__ import annotations

from .runner import CHECKS, Check, SelfTestContext, check, run_self_test

__all__ = ["CHECKS", "Check", "SelfTestContext", "check", "run_self_test"]
