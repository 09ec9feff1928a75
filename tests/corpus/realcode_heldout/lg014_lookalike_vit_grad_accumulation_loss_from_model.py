"""look-alike [LG014, LG006, LG005]: ViT fine-tuning: the model returns CrossEntropyLoss(logits.view(-1, C), labels.view(-1)) when given labels; gradients accumulate on purpose and are cleared after each optimizer.step() under `(step + 1) % accumulation == 0`; evaluation uses model(x)[0] under no_grad."""
# Source: https://github.com/jeonsworld/ViT-pytorch models/modeling.py and train.py at
# 460a162767de1722a014ed2261463dbbc01196b6; re-typed, names changed, reduced. Correct code.
import torch
from torch.nn import CrossEntropyLoss, Linear, Module


class VisionTransformer(Module):
    def __init__(self, transformer, hidden_size, num_classes=21843):
        super(VisionTransformer, self).__init__()
        self.num_classes = num_classes
        self.transformer = transformer
        self.head = Linear(hidden_size, num_classes)

    def forward(self, x, labels=None):
        x, attn_weights = self.transformer(x)
        logits = self.head(x[:, 0])
        if labels is not None:
            loss_fct = CrossEntropyLoss()
            loss = loss_fct(logits.view(-1, self.num_classes), labels.view(-1))
            return loss
        else:
            return logits, attn_weights


def valid(model, test_loader, eval_losses):
    model.eval()
    loss_fct = torch.nn.CrossEntropyLoss()
    for step, batch in enumerate(test_loader):
        x, y = batch
        with torch.no_grad():
            logits = model(x)[0]
            eval_loss = loss_fct(logits, y)
            eval_losses.update(eval_loss.item())


def train(args, model, train_loader, optimizer, scheduler, losses):
    model.zero_grad()
    global_step = 0
    while True:
        model.train()
        for step, batch in enumerate(train_loader):
            x, y = batch
            loss = model(x, y)
            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            loss.backward()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                losses.update(loss.item() * args.gradient_accumulation_steps)
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
                scheduler.step()
                optimizer.step()
                optimizer.zero_grad()
                global_step += 1
            if global_step % args.t_total == 0:
                break
