"""part of positive project [LG003]: the models package re-exports get_net."""
# Source: hustvl/YOLOP@8d8f68df318c71f01d6f813c024df646c7d1978f lib/models/__init__.py
# at the commit read (issue #117 "seg loss: BCEseg = nn.BCEWithLogitsLoss": the seg heads already end in a sigmoid; reported to turn the seg loss into nan).
from .YOLOP import get_net
