"""Entry point: ``python main.py`` does what ``laoshan-desk`` does."""

import sys

from laoshan_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
