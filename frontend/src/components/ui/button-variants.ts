import { cva } from "class-variance-authority";

export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "bg-navy-900 text-white hover:bg-navy-800 active:bg-navy-950",
        accent: "bg-accent-400 text-navy-950 hover:bg-accent-300 active:bg-accent-500",
        outline: "border border-border bg-surface text-foreground hover:bg-navy-50",
        ghost: "text-foreground hover:bg-navy-50",
        destructive: "bg-danger text-white hover:bg-red-800",
        link: "text-navy-600 underline-offset-4 hover:underline",
      },
      size: {
        sm: "h-8 px-3 text-xs",
        default: "h-9 px-4",
        lg: "h-10 px-5",
        icon: "size-9",
        "icon-sm": "size-8",
      },
    },
    defaultVariants: { variant: "default", size: "default" },
  },
);
