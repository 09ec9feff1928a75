"""part of positive project [LG010]: the model package's __init__ (one assignment)."""
# Source: jiesutd/NCRFpp@105a53a321eca9c1280037c473967858e01aaa43 model/__init__.py (whole file)
__author__ = 'max'
