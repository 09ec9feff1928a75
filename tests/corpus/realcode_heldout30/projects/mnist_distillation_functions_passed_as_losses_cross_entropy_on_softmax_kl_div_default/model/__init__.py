"""part of positive project [LG001, LG009, LG011]: a package marker (added: the source imports utils/, model/ and layer/ as namespace packages)."""
# Source: Isuxiz/knowledge-distill-experiment at 9686c334 (the parent of 5e057af6, "fix: 修复了kl散度计算错误"), (no __init__.py in the source).
