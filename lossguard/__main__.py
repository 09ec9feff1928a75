from lossguard.cli import main

raise SystemExit(main())
