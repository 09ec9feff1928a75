"""part of look-alike project [LG006, LG012, LG014, LG015]: train_fn clears, back-propagates the loss the model returns and sums loss.item(); eval_fn runs under no_grad."""
# Source: sejongpyo/Studies at c858149a7c7516c596db99e1f98f43eeb5615bc8 book_studies/captcha_recognition/src/engine.py (re-typed; eval_fn's unused optimizer parameter kept)
from tqdm import tqdm
import torch
import config


def train_fn(model, data_loader, optimizer):
    model.train()
    fin_loss = 0
    tk = tqdm(data_loader, total=len(data_loader))
    for data in tk:
        for k, v in data.items():
            data[k] = v.to(config.DEVICE)
        optimizer.zero_grad()
        _, loss = model(**data)
        loss.backward()
        optimizer.step()
        fin_loss += loss.item()

    return fin_loss / len(data_loader)


def eval_fn(model, data_loader, optimizer):
    model.eval()
    fin_loss = 0
    fin_preds = []
    with torch.no_grad():
        tk = tqdm(data_loader, total=len(data_loader))
        for data in tk:
            for k, v in data.items():
                data[k] = v.to(config.DEVICE)

            batch_preds, loss = model(**data)
            fin_loss += loss.item()
            fin_preds.append(batch_preds)

        return fin_preds, fin_loss / len(data_loader)
