"""part of positive project [LG001, LG011]: an empty package __init__."""
# Source: gitabcworld/MatchingNetworks@07c4567c15578664a550903c222c7eaa2abfe113 models/__init__.py (an empty file in the source)
