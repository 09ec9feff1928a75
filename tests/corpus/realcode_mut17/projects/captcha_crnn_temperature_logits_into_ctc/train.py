"""part of positive project [LG012]: the script builds the model and runs the epochs."""

# Source: KKaslana413/CAPTCHA-OCR-PyTorch@0eeabce635 train.py (re-typed; checkpoints, evaluation and the scheduler cut)
import torch

from engine import train_epoch
from model import CaptchaCRNN

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = CaptchaCRNN().to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
for epoch in range(60):
    print(epoch, train_epoch(model, train_loader, optimizer, device))
