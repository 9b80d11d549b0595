"""义警服务队管理系统: `python main.py` opens the window; `python main.py --help` lists the commands."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
