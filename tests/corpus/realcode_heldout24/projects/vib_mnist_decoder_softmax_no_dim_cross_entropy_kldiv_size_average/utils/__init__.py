"""part of positive project [LG001, LG009, LG010, LG011]: package marker for utils (the source has none; added so the import resolves)."""
# Source: 1Konny/VIB-pytorch at 2359d308 (the parent of 326a9eb7 "remove softmax for ce loss"), utils/.
