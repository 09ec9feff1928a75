"""part of positive project [LG001, LG006, LG011]: the package marker."""
# Source: IBM/dstc-noesis@aab03b837f (HEAD of the snapshot; issue #18, "No need to use nn.Softmax layer when using nn.CrossEntropyLoss()", acknowledged and not fixed) noesis/evaluator/__init__.py (empty)
