"""part of positive project [LG011]: an empty package __init__."""
# Source: wolny/pytorch-3dunet@805b11c5f96a68521cdacee17b529e258b91cc1b unet3d/__init__.py (an empty file in the source)
