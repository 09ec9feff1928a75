"""part of positive project [LG007]: the network is picked by name, each import local to its branch."""

# Source: omihub777/image-classification-pytorch@4d3083415d utils.py (get_model, re-typed; twelve of the fifteen
# networks cut)


def get_model(args):
    if args.model_name == "mobv1":
        from model.mobv1 import MobileNetOne

        net = MobileNetOne(in_c=args.in_c, num_classes=args.num_classes)
    elif args.model_name == "allcnnc":
        from model.allcnnc import AllConvC

        net = AllConvC(in_c=args.in_c, num_classes=args.num_classes)
    else:
        raise NotImplementedError(f"{args.model_name} is not implemented yet...")
    return net
