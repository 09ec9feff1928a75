"""positive [LG006]: the inverse-generator training loop appends each step's loss tensor (back-propagated right after) to the loss history it returns, so every step's graph through the encoder, the generator and the discriminator's features is kept for the whole run (the fix appends loss.item())."""

# Source: NickG-NZ/DCGAN_Traversability@9f090e49fb train_InvGen.py, fixed in e46da89a15 (cut, renamed)
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
            history.append(loss)  # expect: LG006
            loss.backward()
            optimizer.step()
            if t % 20 == 0:
                print(f"epoch {e} iteration {t} loss {history[-1]:.3f}")
    return history
