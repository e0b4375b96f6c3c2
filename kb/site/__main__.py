import sys

from kb.site.build import main

sys.exit(main())
