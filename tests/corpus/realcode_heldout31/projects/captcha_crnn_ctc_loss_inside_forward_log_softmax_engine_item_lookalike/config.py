"""part of look-alike project [LG006, LG012, LG014, LG015]: module-level settings of the captcha recognizer."""
# Source: sejongpyo/Studies at c858149a7c7516c596db99e1f98f43eeb5615bc8 book_studies/captcha_recognition/src/config.py (re-typed)
DATA_DIR = '../input/captcha_images_v2'
BATCH_SIZE = 8
IMAGE_WIDTH = 300
IMAGE_HEIGHT = 75
NUM_WORKERS = 2
EPOCHS = 5
DEVICE = 'cpu'
