"""part of positive project [LG009]: the package marker."""
# Source: Zessay/NLP-Pytorch-Template at df48a495, snlp/__init__.py; re-typed, its contents cut.
