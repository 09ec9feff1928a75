"""part of look-alike project [LG002, LG016, LG004, LG006]: an empty package __init__."""
# Source: rixwew/pytorch-fm@f74ad19771eda104e99874d19dc892e988ec53fa torchfm/__init__.py (an empty file in the source)
