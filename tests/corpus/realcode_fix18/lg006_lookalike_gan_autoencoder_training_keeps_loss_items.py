"""look-alike [LG006]: the same inverse-generator loop at the fix commit: the loss history keeps loss.item(), a Python number."""

# Source: NickG-NZ/DCGAN_Traversability@e46da89a15 train_InvGen.py (the fix commit; cut, renamed)
import torch

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
NUM_EPOCHS = 30
LMBDA = 0.1


def train_encoder(encoder, gen, dis, optimizer, loss_fn, loader_train):
    history = []
    encoder = encoder.to(device=DEVICE)
    gen = gen.to(device=DEVICE)
    dis = dis.to(device=DEVICE)
    encoder.train()
    gen.train()
    dis.train()
    for e in range(NUM_EPOCHS):
        for t, (x, y) in enumerate(loader_train):
            x = x.to(device=DEVICE, dtype=torch.float32)
            encoder.zero_grad()
            dis.zero_grad()
            gen.zero_grad()
            z = encoder(x)
            fake = gen(z)
            loss = loss_fn(x, fake, dis(fake), dis(x), LMBDA)
            history.append(loss.item())
            loss.backward()
            optimizer.step()
            if t % 20 == 0:
                print(f"epoch {e} iteration {t} loss {history[-1]:.3f}")
    return history
