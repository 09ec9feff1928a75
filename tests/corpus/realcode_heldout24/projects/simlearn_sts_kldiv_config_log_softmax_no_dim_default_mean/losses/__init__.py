"""part of positive project [LG009, LG011]: package marker of the losses package (empty in the source too)."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), losses/ (the source has no __init__.py; added so the package resolves).
