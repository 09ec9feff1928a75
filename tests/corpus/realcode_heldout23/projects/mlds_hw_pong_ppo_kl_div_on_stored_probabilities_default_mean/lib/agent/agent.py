"""part of positive project [LG008, LG009]: the agent's make_action runs the policy in eval mode and returns the sampled action, the preprocessed frame and the detached output probabilities, which the trainer stores as the episode record."""
# Source: b05611038/MLDS_2019SPRING at 0591a1a6 (read as is), HW4-1/lib/agent/agent.py;
# re-typed, identifiers renamed; preprocessing and checkpoint helpers cut.
import random

import torch

from lib.agent.base import Agent
from lib.agent.model import BaselineModel
from lib.agent.preprocess import Transform


class PGAgent(Agent):
    def __init__(self, name, model_select, device, observation_preprocess, max_memory_size, valid_action):
        super(PGAgent, self).__init__()
        self.name = name
        self.device = device
        self.transform = Transform(observation_preprocess, device)
        self.valid_action = valid_action
        self.model = self._init_model(model_select, self.transform.image_size(), len(valid_action))
        self.memory = None

    def _init_model(self, model_select, image_size, action_size):
        if model_select == "baseline":
            return BaselineModel(image_size, action_size).to(self.device)
        raise ValueError(model_select, "is not valid model selection.")

    def make_action(self, observation):
        self.model = self.model.eval()
        processed = self._preprocess(observation).to(self.device)
        output = self.model(processed.unsqueeze(0))
        self.insert_memory(observation)
        action = self._decode_model_output(output)
        return action, processed.cpu().detach(), output.cpu().detach()

    def random_action(self):
        return self.valid_action[random.randint(0, len(self.valid_action) - 1)]

    def insert_memory(self, observation):
        self.memory = self._preprocess(observation, mode="init").to(self.device)
