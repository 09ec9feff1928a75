"""part of look-alike project [LG003, LG004, LG005, LG014]: draws a white line on the image and returns a one-channel uint8 mask of shape (388, 388, 1)."""
# Source: virtue24/pytorch-practice at 91e54a74595eda841ff6b7d7c4bed2d3cdb27755 defect_autoencoder/defect_generator.py (re-typed)
import numpy as np
import cv2
import copy
import random


def create_bold_white_line(image: np.ndarray, IMAGE_SIZE: tuple = (572, 572), MASK_SIZE: tuple = (388, 388)) -> np.ndarray:
    line_stroke_range = (5, 25)

    white_lined_image = copy.deepcopy(image)
    defect_mask = np.zeros((image.shape[0], image.shape[1]), dtype=np.uint8)

    start_point = (np.random.randint(0, image.shape[1]), np.random.randint(0, image.shape[0]))
    end_point = (np.random.randint(0, image.shape[1]), np.random.randint(0, image.shape[0]))

    cv2.line(defect_mask, start_point, end_point, 255, random.randint(line_stroke_range[0], line_stroke_range[1]))
    cv2.line(white_lined_image, start_point, end_point, (255, 255, 255),
             random.randint(line_stroke_range[0], line_stroke_range[1]))

    white_lined_image = cv2.resize(white_lined_image, IMAGE_SIZE)
    defect_mask = cv2.resize(defect_mask, MASK_SIZE)

    defect_mask = defect_mask[:, :, np.newaxis]

    return white_lined_image, defect_mask
