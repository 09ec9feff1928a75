"""positive [LG009]: F.kl_div called without reduction= (defaults to 'mean') in a policy-distillation loop; multi-line call."""
import torch
import torch.nn.functional as F


def policy_distill(student, teacher, states_loader, optimizer, tau=1.0):
    for states in states_loader:
        with torch.no_grad():
            target = F.softmax(teacher(states) / tau, dim=-1)
        log_pred = F.log_softmax(student(states) / tau, dim=-1)
        loss = F.kl_div(  # expect: LG009
            log_pred,
            target,
        )
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
