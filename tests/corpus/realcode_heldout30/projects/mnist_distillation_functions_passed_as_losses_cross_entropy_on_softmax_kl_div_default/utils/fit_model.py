"""part of positive project [LG001, LG009, LG011]: the batch step receives its losses as function arguments: hard_loss_func(hard_y_hat, yb) on the student's softmax output (F.cross_entropy, passed by distill.py) and soft_loss_func(soft.log(), teacher(xb)) (F.kl_div with its default reduction); then backward, step, zero_grad."""
# Source: Isuxiz/knowledge-distill-experiment at 9686c334 (the parent of 5e057af6, "fix: 修复了kl散度计算错误"), utils/fit_model.py; re-typed, identifiers renamed; kept as in the source.
import torch
import numpy as np

from utils.get_available_device import get_available_device


def loss_batch(model, hard_loss_func, xb, yb, T, teacher_model=None, soft_loss_func=None, opt=None,
               alpha=0.9, beta=0.1, T_square_make_up=False):
    output = model(xb)
    hard_y_hat = output[1]
    hard_loss = hard_loss_func(hard_y_hat, yb)  # expect: LG001

    soft_loss = soft_loss_func(output[0].log(),  # expect: LG009
                               teacher_model(xb)) if teacher_model and soft_loss_func else None

    loss = alpha * soft_loss * (1 if not T_square_make_up else T * T) + beta * hard_loss

    if opt is not None:
        loss.backward()
        opt.step()
        opt.zero_grad()

    return hard_loss.item(), len(xb)


def fit(epochs, model, hard_loss_func, opt, train_dl, valid_dl, T, teacher_model=None, soft_loss_func=None, alpha=0.9,
        beta=0.1, T_square_make_up=False):
    device = get_available_device()
    for epoch in range(epochs):
        model.train()
        count = 0
        for xb, yb in train_dl:
            count += 1
            loss_batch(model=model.to(device), hard_loss_func=hard_loss_func, xb=xb.to(device), yb=yb.to(device),
                       opt=opt, T=T, teacher_model=teacher_model, soft_loss_func=soft_loss_func,
                       alpha=alpha, beta=beta, T_square_make_up=T_square_make_up)
            if not count % 100:
                print(f"batch {count} done")
        model.eval()
        with torch.no_grad():
            losses, nums = zip(
                *[loss_batch(model.to(device), hard_loss_func, xb.to(device), yb.to(device),
                             teacher_model=teacher_model, soft_loss_func=soft_loss_func, T=T)
                  for xb, yb in valid_dl]
            )
        val_loss = np.sum(np.multiply(losses, nums)) / np.sum(nums)
        print(f"epoch {epoch}: validation loss {val_loss}")
