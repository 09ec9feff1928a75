"""part of positive project [LG014]: package marker of the recognisers (empty in the source)."""
# Source: pstage-ocr-team6/ocr-teamcode at 0cceb950 (the parent of 29a73a47 "Fix zero grad omission.", merged in PR #26 for issue #24), networks/__init__.py.
