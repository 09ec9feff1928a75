"""A stand-in for scipy (not installed): the dense matrices behind pygcn's scipy.sparse calls."""
