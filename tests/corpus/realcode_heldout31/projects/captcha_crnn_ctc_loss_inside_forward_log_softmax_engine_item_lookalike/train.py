"""part of look-alike project [LG006, LG012, LG014, LG015]: the driver label-encodes the captcha strings and runs engine.train_fn / eval_fn each epoch; softmax only for decoding."""
# Source: sejongpyo/Studies at c858149a7c7516c596db99e1f98f43eeb5615bc8 book_studies/captcha_recognition/src/train.py (re-typed; the eval_fn call with two arguments kept as in the source)
import os
import glob
import torch
import numpy as np

from sklearn import preprocessing
from sklearn import model_selection
from sklearn import metrics

import config
import dataset
import engine
from model import CaptchaNet


def remove_duplicates(x):
    if len(x) < 2:
        return x
    fin = ""
    for j in x:
        if fin == "":
            fin = j
        elif j != fin[-1]:
            fin = fin + j
    return fin


def decode_predictions(preds, encoder):
    preds = preds.permute(1, 0, 2)
    preds = torch.softmax(preds, 2)
    preds = torch.argmax(preds, 2)
    preds = preds.detach().cpu().numpy()
    cap_preds = []
    for j in range(preds.shape[0]):
        temp = []
        for k in preds[j, :]:
            k = k - 1
            if k == -1:
                temp.append("§")
            else:
                temp.append(encoder.inverse_transform([k])[0])
        cap_preds.append(remove_duplicates("".join(temp).replace("§", "")))
    return cap_preds


def run_training():
    image_files = glob.glob(os.path.join(config.DATA_DIR, "*.png"))
    targets_orig = [x.split("/")[-1][:-4] for x in image_files]
    targets = [[c for c in x] for x in targets_orig]
    targets_flat = [c for clist in targets for c in clist]

    lbl_enc = preprocessing.LabelEncoder()
    lbl_enc.fit(targets_flat)
    targets_enc = np.array([lbl_enc.transform(x) for x in targets])
    targets_enc = targets_enc + 1

    (train_imgs, test_imgs, train_targets, test_targets, _, test_targets_orig) = model_selection.train_test_split(
        image_files, targets_enc, targets_orig, test_size=0.1, random_state=42)

    train_dataset = dataset.CaptchaImages(image_paths=train_imgs, targets=train_targets,
                                          resize=(config.IMAGE_HEIGHT, config.IMAGE_WIDTH))
    train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=config.BATCH_SIZE,
                                               num_workers=config.NUM_WORKERS, shuffle=True)
    test_dataset = dataset.CaptchaImages(image_paths=test_imgs, targets=test_targets,
                                         resize=(config.IMAGE_HEIGHT, config.IMAGE_WIDTH))
    test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=config.BATCH_SIZE,
                                              num_workers=config.NUM_WORKERS, shuffle=False)

    model = CaptchaNet(num_chars=len(lbl_enc.classes_))
    model.to(config.DEVICE)

    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.8, patience=5, verbose=True)
    for epoch in range(config.EPOCHS):
        train_loss = engine.train_fn(model, train_loader, optimizer)
        valid_preds, test_loss = engine.eval_fn(model, test_loader)
        valid_captcha_preds = []
        for vp in valid_preds:
            valid_captcha_preds.extend(decode_predictions(vp, lbl_enc))
        test_dup_rem = [remove_duplicates(c) for c in test_targets_orig]
        accuracy = metrics.accuracy_score(test_dup_rem, valid_captcha_preds)
        print(f"Epoch={epoch}, Train Loss={train_loss}, Test Loss={test_loss} Accuracy={accuracy}")
        scheduler.step(test_loss)


if __name__ == "__main__":
    run_training()
