"""`python -m loaders …`: build the snapshot, show data status, refresh from SSB, parse files."""

import sys

from loaders.cli import main

sys.exit(main())
