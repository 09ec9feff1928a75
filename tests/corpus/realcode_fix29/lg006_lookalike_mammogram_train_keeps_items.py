"""look-alike [LG006]: the same mammogram training loop after both fixes: `history.append(loss.item())` and `epoch_total += loss.item()` keep plain numbers."""

# Source: winst13/cs231n-mammogram@64d15db989 main.py ("Added .item() to loss in line 132 main.py, could fix memory leak") (cut, renamed)
import torch
import torch.nn.functional as F

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
dtype = torch.float32
report_every = 100
save_every = 1


def confusion_counts(preds, labels):
    tp = ((preds == 1) * (labels == 1)).sum()
    fp = ((preds == 1) * (labels == 0)).sum()
    tn = ((preds == 0) * (labels == 0)).sum()
    fn = ((preds == 0) * (labels == 1)).sum()
    return tp, fp, tn, fn


def evaluate(loader, model, cutoff=0.5):
    hits, seen = 0, 0
    model.eval()
    with torch.no_grad():
        for batch in loader:
            x = batch["image"].unsqueeze(1).to(device=device, dtype=dtype)
            y = batch["label"].to(device=device, dtype=torch.float)
            preds = model(x).view(-1) > cutoff
            hits += (preds.float() == y).sum().item()
            seen += y.size(0)
    return hits / max(seen, 1)


def train(loader_train, loader_val, model, optimizer, epoch, history=[], val_history=[]):
    model = model.to(device=device)
    while True:
        model.train()
        correct = 0.0
        seen = 0.0
        epoch_total = 0.0
        for t, batch in enumerate(loader_train):
            x = batch["image"].unsqueeze(1).to(device=device, dtype=dtype)
            y = batch["label"].to(device=device, dtype=torch.float)
            scores = model(x).view(-1)
            optimizer.zero_grad()
            loss = F.binary_cross_entropy(scores, y)
            loss.backward()
            optimizer.step()
            history.append(loss.item())
            preds = scores > 0.5
            tp, fp, tn, fn = confusion_counts(preds, y)
            correct += tp + tn
            seen += scores.size(0)
            epoch_total += loss.item()
            if t % report_every == 0:
                print("Iteration %d: loss = %06f" % (t, float(loss)))
        val_acc = evaluate(loader_val, model)
        val_history.append(val_acc)
        if epoch % save_every == 0:
            torch.save({"epoch": epoch, "state_dict": model.state_dict(), "history": history}, "checkpoint.pth")
        print("EPOCH %d, val accuracy = %06f, train accuracy = %06f, loss = %06f" % (epoch, val_acc, float(correct) / seen, epoch_total))
        epoch += 1
