"""part of positive project [LG005]: the study script builds a DiscretePolicy with one output per MountainCar action (action_space.n = 3), pre-trains it by regression on the expert's episodes, then runs policy-gradient training."""
# Source: osigaud/Basic-Policy-Gradient-Labs at d190ef16 (the parent of 3ea1463c, "Fix regress loss", PR #7), main_regress.py;
# re-typed, identifiers renamed; the other policy types, the critic and the plots cut. simu, arguments and chrono are
# not included.
from arguments import get_args
from mountain_car_expert import regress
from policies import DiscretePolicy
from simu import make_simu_from_params


def study_regress(params) -> None:
    simu = make_simu_from_params(params)
    for j in range(params.nb_repet):
        simu.env.reinit()
        nb_actions = simu.env.action_space.n
        policy = DiscretePolicy(simu.obs_size, 24, 36, nb_actions, params.lr_actor)
        regress(simu, policy, params.policy_type, 250, params.render)


if __name__ == "__main__":
    args = get_args()
    args.gradients = ["discount"]
    study_regress(args)
