"""part of positive project [LG011]: package marker."""
# Source: https://github.com/lucasjinreal/pytorch_chatbot models/__init__.py at ba4d3add5a5c1cfdc9a3d5bb6c1a3db455e42cee; empty.
