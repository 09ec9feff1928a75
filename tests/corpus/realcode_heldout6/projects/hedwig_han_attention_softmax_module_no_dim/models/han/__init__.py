"""part of positive project [LG011]: an empty package file."""
# Source: castorini/hedwig@277814c401f4d17f5489e3c8c6deefc1af9eeffd models/han/__init__.py (empty)
