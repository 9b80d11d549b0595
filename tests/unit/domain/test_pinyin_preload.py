"""pypinyin's dictionaries loaded ahead of need, a few hundred entries at a time (so a worker thread does
not hold the GIL for half a second): the same dictionaries as pypinyin's own load, the same keys."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypinyin

from desktop_app.domain.pinyin_keys import _json_in_steps

FOLDER = Path(pypinyin.__file__).parent
NAMES = ["努尔买买提·西热甫", "重庆", "曾志伟", "单田芳", "阿依古丽·买买提", "解放"]


def test_read_in_steps_it_is_the_same_dictionary_in_the_same_order():
    for name in ("pinyin_dict.json", "phrases_dict.json"):
        whole = json.loads((FOLDER / name).read_text(encoding="utf-8"))
        stepped = _json_in_steps(FOLDER / name, step=997)
        assert stepped == whole and list(stepped) == list(whole)


def test_a_file_laid_out_otherwise_is_left_to_pypinyin(tmp_path):
    one_line = tmp_path / "one_line.json"
    one_line.write_text(json.dumps({"一丁": [["yī"], ["dīng"]]}, ensure_ascii=False), encoding="utf-8")
    assert _json_in_steps(one_line) is None
    broken = tmp_path / "broken.json"
    broken.write_text('{\n"一丁": [\n[\n"yī"\n\n}', encoding="utf-8")
    assert _json_in_steps(broken) is None
    assert _json_in_steps(tmp_path / "missing.json") is None


def _keys_in_a_fresh_process(preload: bool) -> list:
    script = ("import json, sys\nfrom desktop_app.domain import pinyin_keys\n"
              + ("pinyin_keys.preload()\nassert not hasattr(sys.modules['pypinyin.phrases_dict'], '_load_phrases_dict')\n"
                 if preload else "")
              + f"print(json.dumps([pinyin_keys.pinyin_keys(n) for n in {NAMES!r}]))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_preloaded_or_not_the_keys_are_the_same():
    assert _keys_in_a_fresh_process(True) == _keys_in_a_fresh_process(False)
