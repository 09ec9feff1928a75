"""part of look-alike project [LG001, LG005, LG006, LG013]: the model package marker (added: the source imports model.MTCNN_nets after appending '..' to sys.path)."""
# Source: xuexingyu24/License_Plate_Detection_Pytorch at aa5778d6, (no model/__init__.py in the source).
