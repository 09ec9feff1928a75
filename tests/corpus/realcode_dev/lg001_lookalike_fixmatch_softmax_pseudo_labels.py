"""look-alike [LG001, LG015]: FixMatch takes torch.softmax of the weak-view logits only to pick pseudo-labels; cross_entropy gets logits, and the reduction='none' loss is masked and averaged before backward."""
# Source: https://github.com/kekmodel/FixMatch-pytorch train.py at 040be3b8950300b052f810df31a0c6c09561e09f
# (lines 357-381); re-typed, names changed, reduced. Correct code.
import torch
import torch.nn.functional as F


def train(args, labeled_trainloader, unlabeled_trainloader, model, optimizer, scheduler):
    labeled_iter = iter(labeled_trainloader)
    unlabeled_iter = iter(unlabeled_trainloader)
    model.train()
    for epoch in range(args.start_epoch, args.epochs):
        for batch_idx in range(args.eval_step):
            inputs_x, targets_x = next(labeled_iter)
            (inputs_u_w, inputs_u_s), _ = next(unlabeled_iter)
            batch_size = inputs_x.shape[0]
            inputs = torch.cat((inputs_x, inputs_u_w, inputs_u_s)).to(args.device)
            targets_x = targets_x.to(args.device)
            logits = model(inputs)
            logits_x = logits[:batch_size]
            logits_u_w, logits_u_s = logits[batch_size:].chunk(2)
            del logits

            Lx = F.cross_entropy(logits_x, targets_x, reduction="mean")

            pseudo_label = torch.softmax(logits_u_w.detach() / args.T, dim=-1)
            max_probs, targets_u = torch.max(pseudo_label, dim=-1)
            mask = max_probs.ge(args.threshold).float()

            Lu = (F.cross_entropy(logits_u_s, targets_u, reduction="none") * mask).mean()

            loss = Lx + args.lambda_u * Lu
            loss.backward()
            optimizer.step()
            scheduler.step()
            model.zero_grad()
