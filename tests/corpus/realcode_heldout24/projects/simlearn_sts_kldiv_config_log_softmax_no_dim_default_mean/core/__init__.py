"""part of positive project [LG009, LG011]: package marker of the core package."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), core/ (no __init__.py in the source; added so the package resolves).
