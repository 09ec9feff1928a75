"""part of look-alike project [LG006]: package marker."""
# Source: NVlabs/SPADE@fecacc920c1367a038995c45a39c15f6521ca64f models/__init__.py; reduced to the marker.
