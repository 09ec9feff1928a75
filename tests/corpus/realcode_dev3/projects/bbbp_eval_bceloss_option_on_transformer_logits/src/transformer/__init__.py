"""part of positive project [LG002]: package marker of the SMILES transformer modules."""
# Source: DavidLin852/bbbp-project@d3cfd58a20f02209b7841902142013425c33f8e8 src/transformer/__init__.py (re-typed as an empty package; its re-exports are not used by the script)
