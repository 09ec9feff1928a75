"""part of positive project [LG002]: package marker."""
# Source: DavidLin852/bbbp-project@d3cfd58a20f02209b7841902142013425c33f8e8 src/ (package folder; re-typed as an empty package)
