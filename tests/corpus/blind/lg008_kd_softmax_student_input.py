"""positive [LG008]: distillation loss passes F.softmax of the student logits (not log_softmax) as the input of nn.KLDivLoss(reduction='batchmean')."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import mobilenet_v3_small, resnet50


class DistillLoss(nn.Module):
    def __init__(self, temperature=4.0, alpha=0.9):
        super().__init__()
        self.T = temperature
        self.alpha = alpha
        self.kl = nn.KLDivLoss(reduction="batchmean")
        self.ce = nn.CrossEntropyLoss()

    def forward(self, student_logits, teacher_logits, labels):
        s = F.softmax(student_logits / self.T, dim=1)
        t = F.softmax(teacher_logits / self.T, dim=1)
        soft = self.kl(s, t) * (self.T ** 2)  # expect: LG008
        hard = self.ce(student_logits, labels)
        return self.alpha * soft + (1 - self.alpha) * hard


def distill(loader, epochs=30, device="cuda"):
    teacher = resnet50(num_classes=10).to(device).eval()
    teacher.load_state_dict(torch.load("teacher.pt", map_location=device))
    student = mobilenet_v3_small(num_classes=10).to(device)
    criterion = DistillLoss()
    opt = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9, nesterov=True)
    for epoch in range(epochs):
        student.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            with torch.no_grad():
                t_logits = teacher(x)
            loss = criterion(student(x), t_logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    distill([], epochs=0)
