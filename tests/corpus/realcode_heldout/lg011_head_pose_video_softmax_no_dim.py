"""positive [LG011]: head-pose video test script takes F.softmax(yaw) / F.softmax(pitch) / F.softmax(roll) without dim over the binned angle scores."""
# Source: issue https://github.com/natanielruiz/deep-head-pose/issues/118 (code/test_on_video_dlib.py lines 146-148
# quoted in the warnings); re-typed around the quoted lines, names changed.
import torch
import torch.nn.functional as F


def predict_angles(model, img, idx_tensor):
    yaw, pitch, roll = model(img)
    yaw_predicted = F.softmax(yaw)  # expect: LG011
    pitch_predicted = F.softmax(pitch)  # expect: LG011
    roll_predicted = F.softmax(roll)  # expect: LG011
    yaw_predicted = torch.sum(yaw_predicted.data[0] * idx_tensor) * 3 - 99
    pitch_predicted = torch.sum(pitch_predicted.data[0] * idx_tensor) * 3 - 99
    roll_predicted = torch.sum(roll_predicted.data[0] * idx_tensor) * 3 - 99
    return yaw_predicted, pitch_predicted, roll_predicted
