"""Session 27 (the lead; fixhist27's false alarm on lucidrains/ppo at efe9f214, ``train_world_model.py:771``): what a
function decorated ``@torch.no_grad()`` makes and returns holds no graph (interp/no_grad_returns.py). The rollout's
action probabilities come from such a helper over a model the checker does not know, so they were unknown, and a
``Categorical`` of an unknown is presumed to hold a graph: LG006 reported the memories the episode keeps. Look-alikes:
the same helper without the decorator, and a decorated helper that hands back the tensor it was given (its graph
intact): both still reported. Each project runs end to end through the engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_ROLLOUT = """
import torch
from torch.distributions import Categorical
from einops import rearrange


def learn(agent, optimizer, memories):
    loss = torch.stack([m[2] for m in memories]).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def main(env, agent, optimizer, episodes, steps):
    for episode in range(episodes):
        memories = []
        state = env.reset()

{decorator}
        def act(state):
            probs, value = agent.forward_eval(rearrange(state, 'd -> 1 d'))
            probs = rearrange(probs, '1 a -> a')
            return {returned}

        for t in range(steps):
            probs, value = act(state)
            dist = Categorical(probs)
            action = dist.sample()
            log_prob = dist.log_prob(action)
            state, reward, done = env.step(action.item())
            memories.append((state, action, log_prob, value)){mark}
        learn(agent, optimizer, memories)
"""

# the helper runs without grad and computes what it returns: silent (main reported LG006 at the append)
PROJECTS["a_rollout_through_a_no_grad_helper"] = {
    "ppo.py": _ROLLOUT.replace("{decorator}", "        @torch.no_grad()").replace("{returned}", "probs, value").replace("{mark}", ""),
}
# without the decorator the log-probabilities keep the policy's graph across the episode: reported
PROJECTS["a_rollout_through_a_helper_with_grad"] = {
    "ppo.py": _ROLLOUT.replace("{decorator}", "").replace("{returned}", "probs, value").replace("{mark}", "  # expect: LG006"),
}
# a decorated helper that hands back the tensor it was given keeps that tensor's graph: reported
PROJECTS["a_no_grad_helper_returning_its_argument"] = {
    "ppo.py": _ROLLOUT.replace("{decorator}", "        @torch.no_grad()")
    .replace("def act(state):", "def act(state, probs):")
    .replace("{returned}", "probs_in, value")
    .replace("probs = rearrange(probs, '1 a -> a')", "probs_in = probs")
    .replace("probs, value = act(state)", "probs, value = act(state, agent.policy(state).softmax(-1))")
    .replace("{mark}", "  # expect: LG006"),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_no_grad_returns(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
