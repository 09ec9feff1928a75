"""positive [LG001]: a world model's channel-wise heads each end in softmax, their outputs are concatenated onto a tensor that starts empty, and the masked state loss feeds them to CrossEntropyLoss from the base class's training step."""
# Source: social-ai-uoft/sorrel@5b1919225c (the parent of db446b2 "Debugging softmax logic in forward pass", pull request #28) sorrel/models/pytorch/transformer.py (re-typed: VisionTransformer.train_model and action_loss, ViTOneHot's heads, forward and both state_loss definitions; the token embedding, attention blocks, masks other than 'full' and plotting cut; names renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class WorldModel(nn.Module):
    def __init__(self, state_size, action_space, layer_size, lr, device):
        super().__init__()
        self.state_size = state_size
        self.action_head = nn.Linear(layer_size, action_space)
        self.layernorm = nn.LayerNorm(layer_size)
        self.device = device
        self.optimizer = torch.optim.AdamW(self.parameters(), lr=lr)

    def action_loss(self, action_predictions, action_targets):
        loss = nn.CrossEntropyLoss()
        action_predictions = action_predictions.transpose(1, 2)
        action_targets = action_targets.squeeze()
        return loss(action_predictions, action_targets)

    def train_model(self, mask_type="full"):
        state_inputs, action_inputs, state_targets, action_targets = self.get_batch()
        state_inputs = state_inputs.to(self.device)
        action_inputs = action_inputs.to(self.device)
        state_mask = torch.ones(state_targets.shape, dtype=torch.bool, device=state_targets.device)
        state_predictions, action_predictions = self.forward(state_inputs, action_inputs)
        state_loss = self.state_loss(state_predictions, state_targets, state_mask)
        action_loss = self.action_loss(action_predictions, action_targets)
        loss = state_loss + action_loss
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return state_loss.detach().cpu().item(), action_loss.detach().cpu().item()


class ChannelWiseWorldModel(WorldModel):
    def __init__(self, state_size, action_space, layer_size, lr, device):
        super().__init__(state_size, action_space, layer_size, lr, device)
        self.state_heads = nn.ModuleList([])
        for _ in range(state_size[0]):
            self.state_heads.append(nn.Linear(in_features=layer_size, out_features=np.array(state_size[1:]).prod() * 2))

    def forward(self, states, actions):
        B, T, C, H, W = states.size()
        x = self.layernorm(self.embed(states, actions))
        action_prediction = self.action_head(x)
        state_predictions = torch.tensor([], requires_grad=True)
        for _, state_head in enumerate(self.state_heads):
            state_prediction = state_head(x).view(B, T, 2, H, W)
            state_prediction = F.softmax(state_prediction, dim=2)
            state_predictions = torch.cat((state_predictions, state_prediction.unsqueeze(-1)), dim=-1)
        return state_predictions, action_prediction

    def state_loss(self, state_predictions, state_targets):
        loss = nn.CrossEntropyLoss()
        state_targets = state_targets.long()
        state_predictions = state_predictions.permute(0, 2, 1, 5, 3, 4)
        return loss(state_predictions, state_targets)

    def state_loss(self, state_predictions, state_targets, mask):  # noqa: F811 (the second definition wins, as in the source)
        state_predictions = state_predictions.permute(0, 1, 5, 3, 4, 2)
        predictions_flat = state_predictions.reshape(-1, 2)
        targets_flat = state_targets.long().reshape(-1)
        mask_flat = mask.reshape(-1)
        loss = nn.CrossEntropyLoss()
        predictions_masked = predictions_flat[mask_flat == 1]
        targets_masked = targets_flat[mask_flat == 1]
        return loss(predictions_masked, targets_masked)  # expect: LG001
